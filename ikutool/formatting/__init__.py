"""How numbers and figures read for a person: Indonesian numbers (both ways) and one way to show each
kind of figure."""
