rule matrices:
    input:
        turns=all_of("results/anonymised/{id}.parquet"),
        coded=all_of("results/coded/{id}.parquet"),
        codebook=config["coding"]["codebook"],
        review="results/coding/review_next.csv",
    output:
        PROJECT.matrix_outputs(),
    params:
        settings=settings_arg(config, "matrices", "action_plan"),
    log:
        log="results/logs/matrices/matrices.log",
        benchmark="results/logs/benchmarks/matrices.tsv",
    threads: 1
    resources:
        mem_mb=4000,
        runtime=30,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} matrices --turns {input.turns} --coded {input.coded}"
        " --codebook {input.codebook} --settings {params.settings} --review {input.review} --outdir results"
