# rename: value#1 class
# refuse: not a valid Python identifier
value = 1
