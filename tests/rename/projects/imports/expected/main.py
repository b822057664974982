import app
from app import assist


print(app.assist(1), assist(2))
