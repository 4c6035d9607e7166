"""livb: the toolkit for a municipality's Lokaal Integraal Veiligheidsbeleid."""

__version__ = "0.1.0"
