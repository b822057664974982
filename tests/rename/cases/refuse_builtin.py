# rename: print#1 say
# refuse: is a builtin
print("hi")
