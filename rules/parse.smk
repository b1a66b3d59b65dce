rule parse:
    input:
        transcript_file,
    output:
        "private/turns/{id}.parquet",
    log:
        "results/logs/parse/{id}.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} parse {input} -o {output}"
