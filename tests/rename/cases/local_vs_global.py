# rename: count#2 total
count = 0


def tally(items):
    count = 0
    for item in items:
        count += item
    return count


def read():
    return count
