# rename: 42#1 answer
# refuse: not on a name
value = 42
