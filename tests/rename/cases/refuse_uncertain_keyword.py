# rename: size#1 width
# refuse: passes `size=` to a `resize` that may be this function
class Image:
    def resize(self, size):
        return size


def shrink(image):
    return image.resize(size=2)
