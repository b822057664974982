# rename: size#1 len
# refuse: `len` here refers to the builtin
def size(items):
    return len(items)


print(size([1]))
