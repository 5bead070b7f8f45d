# Convertit une durée donnée en secondes en minutes et secondes.
# Résultat attendu pour 135 secondes : 2 min 15 s
def convertir(duree):
    minutes = duree / 60
    secondes = duree % 60
    return minutes, secondes


m, s = convertir(135)
print(m, "min", s, "s")
