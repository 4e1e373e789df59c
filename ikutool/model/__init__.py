"""The typed model: the IKU's pydantic models, the target notation, quarters, money, kategori and
predikat scales, and pydantic errors as located findings."""
