# rename: value#1 2fast
# refuse: not a valid Python identifier
value = 1
