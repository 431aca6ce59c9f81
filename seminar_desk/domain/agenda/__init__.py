"""Rules of the agenda: start times from durations, locked starts and actual times (`timing`,
the one re-timing engine), the limits every way into an agenda shares (`limits`), dates, times
and durations as people type them (`parse`) and the words schedules use for kinds (`kinds`)."""
