"""Figures derived once from an agency's year: the capaian engine, money by the one sum rule,
efisiensi, proyeksi. Pure: models in, results out."""
