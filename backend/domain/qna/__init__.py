"""Questions and answers: classify a free-text question and answer it from the user's chart."""
