"""Rules of the list of speakers: the speaking order (`queue`) and speaking time and its
countdown (`speaking_time`)."""
