"""Lists of speakers: the queue operations (`service`), reading a list (`snapshot`, `rows`), who
may ask for the floor (`candidates`), the one way onto a list (`entries.put_on_list`) and the
speaking statistics (`stats`). Import from the module that holds a name."""
