rule parse:
    input:
        transcript_file,
    output:
        "private/turns/{id}.parquet",
    log:
        "results/logs/parse/{id}.log",
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log} parse {input} -o {output}"
