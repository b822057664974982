# rename: count#1 total
# refuse: `total` is already bound in function `step`
def counter():
    count = 0

    def step():
        nonlocal count
        total = count + 1
        count = total
        return count

    return step
