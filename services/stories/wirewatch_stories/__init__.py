"""The stories stage: groups classified items into stories (one real-world event each)."""
