"""Topic modelling that finds what the codebook misses: see docs/topics.md."""

from pipeline.topics.run import TopicResult, model_topics, run_topics

__all__ = ["TopicResult", "model_topics", "run_topics"]
