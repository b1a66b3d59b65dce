rule matrices:
    input:
        turns=all_of("results/anonymised/{id}.parquet"),
        coded=all_of("results/coded/{id}.parquet"),
        codebook=config["coding"]["codebook"],
    output:
        PROJECT.matrix_outputs(),
    params:
        settings=settings_arg(config, "matrices"),
    log:
        "results/logs/matrices/matrices.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} matrices --turns {input.turns} --coded {input.coded}"
        " --codebook {input.codebook} --settings {params.settings} --outdir results"
