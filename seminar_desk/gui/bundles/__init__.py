"""File menu pieces for bundles (exchange with other laptops) and backups."""
