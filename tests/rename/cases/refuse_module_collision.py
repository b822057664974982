# rename: helper#1 fmt
# refuse: `fmt` is already bound in the module
fmt = "{}"


def helper(x):
    return fmt.format(x)
