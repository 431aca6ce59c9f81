"""Reports: the snapshot of a seminar file that reports print, and the exports (render, write).

The table of report kinds (what each needs) is `seminar_desk.reports.request.REPORT_KINDS`,
read here and re-exported by `reports`."""
