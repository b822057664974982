# A Latin-1 file without a declaration.
city = "São Paulo"
