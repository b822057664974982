from shapes.square import Square


def total(sq: Square):
    return Square.area(sq)
