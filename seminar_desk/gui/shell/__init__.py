"""The window's shell: welcome page, opening files, fonts, start-up checks, GC guard."""
