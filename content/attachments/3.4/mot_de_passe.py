# Règle du site du foyer des lycéens : un mot de passe est valide
# s'il contient AU MOINS 12 caractères ET AU MOINS un chiffre.


def contient_chiffre(texte):
    for caractere in texte:
        if caractere.isdigit():
            return True
    return False


def est_valide(mot_de_passe):
    if len(mot_de_passe) >= 12 or contient_chiffre(mot_de_passe):
        return True
    return False


essais = ["soleil2026", "girafe-bleue-du-lycee", "Cl3mentine-et-Marius", "abc", "tournesol"]
for essai in essais:
    print(essai, est_valide(essai))
