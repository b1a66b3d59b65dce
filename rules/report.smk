rule report:
    input:
        PROJECT.report_inputs(),
    output:
        "results/report.html",
    params:
        settings=settings_arg(config, "matrices", "topics", "coding", "anonymise"),
    log:
        "results/logs/report/report.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} report results --settings {params.settings} -o {output}"
