"""Each document's result, a view of the year's figures: quarterly report, E.81, E.80, multi-year
report, LKjIP, LKE pre-check, the regency roll-up."""
