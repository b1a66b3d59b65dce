rule report:
    input:
        PROJECT.report_inputs(),
    output:
        "results/report.html",
    params:
        settings=settings_arg(config, "matrices", "action_plan", "topics", "report"),
    log:
        log="results/logs/report/report.log",
        benchmark="results/logs/benchmarks/report.tsv",
    threads: 1
    resources:
        mem_mb=2000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} report results --settings {params.settings} -o {output}"


rule export_qdpx:
    input:
        turns=all_of("results/anonymised/{id}.parquet"),
        coded=all_of("results/coded/{id}.parquet"),
        codebook=config["coding"]["codebook"],
    output:
        "results/export/project.qdpx",
    log:
        log="results/logs/export_qdpx/export_qdpx.log",
        benchmark="results/logs/benchmarks/export_qdpx.tsv",
    threads: 1
    resources:
        mem_mb=2000,
        runtime=20,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} export-qdpx --turns {input.turns} --coded {input.coded}"
        " --codebook {input.codebook} -o {output}"


rule export_qdc:
    input:
        config["coding"]["codebook"],
    output:
        "results/export/codebook.qdc",
    log:
        log="results/logs/export_qdc/export_qdc.log",
        benchmark="results/logs/benchmarks/export_qdc.tsv",
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    conda:
        "../envs/qualflow.yaml"
    shell:
        "qualflow --log {log.log} --benchmark {log.benchmark} export-qdc {input} -o {output}"
