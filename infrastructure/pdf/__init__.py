"""PDF rendering of reports (reportlab)."""

from infrastructure.pdf.kundali_pdf import render_report_pdf

__all__ = ["render_report_pdf"]
