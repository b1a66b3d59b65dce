# qualflow: transcripts in, anonymised theme matrices out.
# Each stage lives in rules/<stage>.smk; docs/data.md lists the files between them.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config.yaml"


include: "rules/common.smk"
include: "rules/parse.smk"
include: "rules/anonymise.smk"
include: "rules/coding.smk"
include: "rules/topics.smk"
include: "rules/matrices.smk"
include: "rules/report.smk"


rule all:
    input:
        final_outputs(),
    default_target: True
