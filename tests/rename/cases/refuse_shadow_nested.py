# rename: text#1 fmt
# refuse: `fmt` here refers to another binding
fmt = "{}"


def show(x):
    text = str(x)

    def inner():
        return fmt.format(text)

    return inner()
