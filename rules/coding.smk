rule code:
    input:
        turns="results/anonymised/{id}.parquet",
        embeddings=PROJECT.embeddings_for_coding,
        codebook=config["coding"]["codebook"],
    output:
        "results/coded/{id}.parquet",
    params:
        settings=settings_arg(config, "coding", "embedding"),
        embeddings=lambda wildcards, input: f"--embeddings {input.embeddings}" if input.embeddings else "",
    log:
        "results/logs/code/{id}.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} code {input.turns} --codebook {input.codebook} {params.embeddings}"
        " --settings {params.settings} -o {output}"
