"""Report text in every script: the shipped fonts, a font per run, harfbuzz shaping that keeps
the real text, right-to-left lines and dictionary line breaks (see `flowables.Para`)."""
