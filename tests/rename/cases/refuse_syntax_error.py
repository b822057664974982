# rename: value#1 amount
# refuse: syntax errors
value = (1,
def broken(:
    return value
