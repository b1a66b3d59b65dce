rule embed:
    input:
        after_key("results/anonymised/{id}.parquet"),
    output:
        "results/embeddings/{id}.npz",
    params:
        settings=settings_arg(config, "embedding"),
    log:
        "results/logs/embed/{id}.log",
    threads: 1
    resources:
        mem_mb=3000,
        runtime=30,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log} embed {input} --settings {params.settings} -o {output}"


rule topics:
    input:
        turns=all_of("results/anonymised/{id}.parquet"),
        embeddings=all_of("results/embeddings/{id}.npz"),
        coded=all_of("results/coded/{id}.parquet"),
        codebook=config["coding"]["codebook"],
    output:
        PROJECT.topic_outputs(),
    params:
        settings=settings_arg(config, "topics", "embedding"),
    log:
        log="results/logs/topics/topics.log",
        benchmark="results/logs/benchmarks/topics.tsv",
    # One thread: at 17,000 documents the fit used 45 CPU s in 53 s with two, while the second core
    # could have run matrices and the exports, which waited for it.
    threads: 1
    resources:
        mem_mb=8000,
        runtime=120,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} topics --turns {input.turns} --embeddings {input.embeddings}"
        " --coded {input.coded} --codebook {input.codebook}"
        " --settings {params.settings} --outdir results/topics"
