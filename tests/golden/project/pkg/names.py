"""Names with "quotes", <angle> & ampersands, and a Python 2 print."""
greeting = "héllo, wörld"
print "%s" % greeting
