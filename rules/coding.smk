# Coding: turns against the codebook. The codebook's own texts are embedded once
# (embed_codebook), so editing the codebook never re-embeds the transcripts.
from pipeline.coding.rule_inputs import (
    REFINEMENT_FILES,
    SUPERVISED_CV,
    code_flags,
    codebook_embeddings_input,
    codebook_report_flags,
    model_input,
    supervised_on,
    supervised_options,
    supervised_vectors_on,
    train_coder_flags,
)


rule embed_codebook:
    input:
        config["coding"]["codebook"],
    output:
        "results/embeddings/codebook.npz",
    params:
        settings=settings_arg(config, "embedding"),
    log:
        log="results/logs/embed_codebook/embed_codebook.log",
        benchmark="results/logs/benchmarks/embed_codebook.tsv",
    threads: 1
    resources:
        mem_mb=3000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} embed-codebook {input} --settings {params.settings} -o {output}"


rule train_coder:
    input:
        coding=config["coding"]["training"] or [],
        turns=all_of("results/anonymised/{id}.parquet"),
        embeddings=all_of("results/embeddings/{id}.npz") if supervised_vectors_on(config) else [],
        codebook=config["coding"]["codebook"],
    output:
        model="results/coding/supervised.joblib",
        cv=SUPERVISED_CV,
    params:
        features=supervised_options(config)["features"],
        threshold=supervised_options(config)["add_threshold"],
        embeddings=train_coder_flags,
    log:
        log="results/logs/train_coder/train_coder.log",
        benchmark="results/logs/benchmarks/train_coder.tsv",
    threads: 2
    resources:
        mem_mb=4000,
        runtime=60,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} train-coder {input.coding} --turns {input.turns} {params.embeddings}"
        " --codebook {input.codebook} --features {params.features} --threshold {params.threshold} --cv-output {output.cv} -o {output.model}"


rule code:
    input:
        turns=after_key("results/anonymised/{id}.parquet"),
        embeddings=PROJECT.embeddings_for_coding,
        codebook_embeddings=codebook_embeddings_input(config),
        model=model_input(config),
        codebook=config["coding"]["codebook"],
    output:
        "results/coded/{id}.parquet",
    params:
        settings=settings_arg(config, "coding", "embedding"),
        flags=code_flags,
    log:
        "results/logs/code/{id}.log",
    threads: 1
    resources:
        mem_mb=3000,
        runtime=30,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log} code {input.turns} --codebook {input.codebook} {params.flags}"
        " --settings {params.settings} -o {output}"


rule codebook_report:
    input:
        coded=all_of("results/coded/{id}.parquet"),
        turns=all_of("results/anonymised/{id}.parquet"),
        codebook=config["coding"]["codebook"],
        supervised_cv=[SUPERVISED_CV] if supervised_on(config) else [],
    output:
        report=REFINEMENT_FILES[0],
        table=REFINEMENT_FILES[1],
    params:
        settings=settings_arg(config, "coding"),
        supervised_cv=codebook_report_flags,
    log:
        log="results/logs/codebook_report/codebook_report.log",
        benchmark="results/logs/benchmarks/codebook_report.tsv",
    threads: 1
    resources:
        mem_mb=2000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} codebook-report --coded {input.coded} --turns {input.turns}"
        " --codebook {input.codebook} --settings {params.settings} --csv {output.table} {params.supervised_cv} -o {output.report}"


# The analyst's loop (pipeline/review.py): what to review next, and agreement with the analyst's coding.
from pipeline.review import AGREEMENT, REVIEW_NEXT, REVIEW_PROJECT, training_csv, training_flag, training_inputs


rule review_next:
    input:
        turns=all_of("results/anonymised/{id}.parquet"),
        coded=all_of("results/coded/{id}.parquet"),
        codebook=config["coding"]["codebook"],
        training=training_inputs(config),
    output:
        table=REVIEW_NEXT,
        project=REVIEW_PROJECT,
    params:
        settings=settings_arg(config, "coding", "matrices"),
        training=training_flag,
    log:
        log="results/logs/review_next/review_next.log",
        benchmark="results/logs/benchmarks/review_next.tsv",
    threads: 1
    resources:
        mem_mb=2000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} review-next --turns {input.turns} --coded {input.coded}"
        " --codebook {input.codebook} {params.training} --settings {params.settings}"
        " --csv {output.table} -o {output.project}"


if training_csv(config):

    rule analyst_agreement:
        input:
            training=training_inputs(config),
            turns=all_of("results/anonymised/{id}.parquet"),
            coded=all_of("results/coded/{id}.parquet"),
            codebook=config["coding"]["codebook"],
        output:
            AGREEMENT,
        params:
            settings=settings_arg(config, "coding"),
            training=training_csv(config)[0],
        log:
            log="results/logs/analyst_agreement/analyst_agreement.log",
            benchmark="results/logs/benchmarks/analyst_agreement.tsv",
        threads: 1
        resources:
            mem_mb=2000,
            runtime=20,
        conda:
            "../envs/qualflow.yaml"
        shell:
            "qualflow --log {log.log} --benchmark {log.benchmark} analyst-agreement {params.training}"
            " --turns {input.turns} --coded {input.coded} --codebook {input.codebook}"
            " --settings {params.settings} -o {output}"
