"""Pure rules of a seminar: kinds, timing, queues. Imports nothing else of ours."""
