"""Reading and writing tables that people keep in spreadsheets (CSV and XLSX), for every
import and export: agenda and participants use the same careful readers (encodings, quoted line
breaks, zip bombs, limits) so a fix in one helps both. Reading gives plain rows of cells; what
the columns mean is the importer's business."""
