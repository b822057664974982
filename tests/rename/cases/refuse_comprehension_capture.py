# rename: scale#1 v
# refuse: would be captured by `v` bound in a comprehension
def apply(values):
    scale = 2
    return [v * scale for v in values]
