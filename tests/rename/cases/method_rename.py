# rename: area_text#1 describe
class Shape:
    def area_text(self):
        return "?"

    def show(self):
        print(self.area_text())


class Square(Shape):
    def area_text(self):
        return "square " + super().area_text()

    def twice(self):
        def inner():
            return self.area_text()
        return inner() * 2


class Unrelated:
    def area_text(self):
        return "unrelated"

    def show(self):
        return self.area_text()


print(Square().twice(), Shape.area_text(Square()))
