# rename: total#1 step
# refuse: would be captured by `step` bound in function `inner`
def outer():
    total = 0

    def inner(step):
        return total + step

    return inner(1)
