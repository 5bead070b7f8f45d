# Résultats du devoir de mathématiques de la 2nde 4.
notes = [12, 8.5, 15, 10, 6, 17.5, 9, 14, 11, 7]

compteur = 0
somme = 0
for note in notes:
    somme = somme + note
    if note >= 10:
        compteur = compteur + 1

moyenne = somme / len(notes)
print("Élèves ayant au moins 10 :", compteur)
print("Moyenne de la classe :", moyenne)
