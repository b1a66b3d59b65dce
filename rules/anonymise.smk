rule find_identifiers:
    input:
        turns="private/turns/{id}.parquet",
        speakers=config["transcripts"]["speakers"],
        identifiers=identifiers_file,
    output:
        "private/spans/{id}.parquet",
    params:
        settings=settings_arg(config, "anonymise"),
    log:
        "results/logs/find_identifiers/{id}.log",
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log} find-identifiers {input.turns} --speakers {input.speakers}"
        " --settings {params.settings} --cache-dir private/cache -o {output}"


# A checkpoint: besides the key it writes private/keys/views/{id}.csv, the key rows each
# transcript needs, rewritten only when they change. `anonymise` reads its view, so a new
# name in one transcript reruns only the transcripts where that name occurs.
checkpoint build_key:
    input:
        spans=all_of("private/spans/{id}.parquet"),
        turns=all_of("private/turns/{id}.parquet"),
        # Its terms found on the word alone stay in the text; views change only where that matters.
        codebook=config["coding"]["codebook"],
    output:
        key="private/keys/key.csv",
        # The spans found on the weakest evidence, masked or left, for a person to check (originals: private).
        review="private/review/low_confidence.csv",
    params:
        settings=settings_arg(config, "anonymise"),
    log:
        log="results/logs/build_key/build_key.log",
        benchmark="results/logs/benchmarks/build_key.tsv",
    threads: 1
    resources:
        mem_mb=2000,
        runtime=30,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} build-key {input.spans} --turns-dir private/turns --views-dir private/keys/views"
        " --codebook {input.codebook} --review {output.review} --settings {params.settings} -o {output.key}"


rule anonymise:
    input:
        turns="private/turns/{id}.parquet",
        spans="private/spans/{id}.parquet",
        key=key_view,
        speakers=config["transcripts"]["speakers"],
        metadata=config["transcripts"]["metadata"],
    output:
        turns="results/anonymised/{id}.parquet",
        text="results/anonymised/{id}.txt",
        redactions="results/anonymised/{id}.redactions.csv",
    params:
        settings=settings_arg(config, "anonymise"),
    log:
        "results/logs/anonymise/{id}.log",
    threads: 1
    resources:
        mem_mb=1000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log} anonymise {input.turns} --spans {input.spans} --key {input.key}"
        " --speakers {input.speakers} --metadata {input.metadata}"
        " --settings {params.settings} -o {output.turns}"


rule anonymisation_summary:
    input:
        all_of("results/anonymised/{id}.redactions.csv"),
    output:
        "results/anonymised/summary.csv",
    log:
        log="results/logs/anonymisation_summary/anonymisation_summary.log",
        benchmark="results/logs/benchmarks/anonymisation_summary.tsv",
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} summarise-redactions {input} -o {output}"


rule check_leaks:
    input:
        PROJECT.shared_outputs(),
        key="private/keys/key.csv",
        identifiers=identifiers_file,
        speakers=config["transcripts"]["speakers"],
        metadata=config["transcripts"]["metadata"],
        codebook=config["coding"]["codebook"],
    output:
        "results/leak_check.txt",
    params:
        settings=settings_arg(config, "anonymise"),
    log:
        log="results/logs/check_leaks/check_leaks.log",
        benchmark="results/logs/benchmarks/check_leaks.tsv",
    threads: 2
    resources:
        mem_mb=2000,
        runtime=30,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} check-leaks results --key {input.key} --speakers {input.speakers}"
        " --metadata {input.metadata} --settings {params.settings} --workers {threads}"
        " --spans-dir private/spans --codebook {input.codebook}"
        " --cache private/cache/leak_check.json -o {output}"
