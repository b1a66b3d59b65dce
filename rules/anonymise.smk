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
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} find-identifiers {input.turns} --speakers {input.speakers}"
        " --settings {params.settings} -o {output}"


rule build_key:
    input:
        all_of("private/spans/{id}.parquet"),
    output:
        "private/keys/key.csv",
    params:
        settings=settings_arg(config, "anonymise"),
    log:
        "results/logs/build_key/build_key.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} build-key {input} --settings {params.settings} -o {output}"


rule anonymise:
    input:
        turns="private/turns/{id}.parquet",
        spans="private/spans/{id}.parquet",
        key="private/keys/key.csv",
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
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} anonymise {input.turns} --spans {input.spans} --key {input.key}"
        " --speakers {input.speakers} --metadata {input.metadata}"
        " --settings {params.settings} -o {output.turns}"


rule anonymisation_summary:
    input:
        all_of("results/anonymised/{id}.redactions.csv"),
    output:
        "results/anonymised/summary.csv",
    log:
        "results/logs/anonymisation_summary/anonymisation_summary.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} summarise-redactions {input} -o {output}"


rule check_leaks:
    input:
        PROJECT.shared_outputs(),
        key="private/keys/key.csv",
        identifiers=identifiers_file,
    output:
        "results/leak_check.txt",
    params:
        settings=settings_arg(config, "anonymise"),
    log:
        "results/logs/check_leaks/check_leaks.log",
    conda:
        "../envs/qualflow.yaml"
    shell:
        "{QUALFLOW} --log {log} check-leaks results --key {input.key}"
        " --settings {params.settings} -o {output}"
