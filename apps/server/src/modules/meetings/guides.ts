/**
 * Meeting guides shipped with the templates: themes a tutor can attach to a meeting for that stage
 * of the year. French first; the English titles help English-speaking tutors find their way.
 */
export interface Guide {
  id: string;
  title: string;
  titleEn: string;
  /** When in the year it usually fits. */
  when: string;
  themes: string[];
}

export const guides: Guide[] = [
  {
    id: 'premiere-rencontre',
    title: 'Première rencontre du groupe',
    titleEn: 'First meeting of the group',
    when: 'Journée d’accueil, novembre',
    themes: [
      'Tour de table : parcours, projet professionnel, lieu de stage',
      'Ce que le tutorat peut apporter (et ce qu’il n’est pas : ni une évaluation, ni une consultation)',
      'Se mettre d’accord sur un moyen de se joindre (SMS, groupe, courriel)',
      'Les premières difficultés du stage : gardes, repos de sécurité, organisation',
      'Où trouver de l’aide en cas de coup dur (ressources indépendantes du département)',
    ],
  },
  {
    id: 'choix-de-stage',
    title: 'Choix de stage',
    titleEn: 'Choosing the next internship',
    when: 'Un mois avant les choix, mars et septembre',
    themes: [
      'Les stages qui restent à valider dans la maquette',
      'Retours d’expérience des terrains de stage (ambiance, encadrement, gardes)',
      'Stage chez le praticien : comment se préparer',
      'Logement et trajets, vie personnelle',
    ],
  },
  {
    id: 'maquette',
    title: 'Comprendre la maquette du DES',
    titleEn: 'Understanding the DES curriculum',
    when: 'Premier semestre',
    themes: [
      'Phases du DES et stages obligatoires',
      'Cours, séminaires et journées de formation à valider',
      'Docteur junior : ce qui change',
      'Questions à poser au département',
    ],
  },
  {
    id: 'ecriture-rsca',
    title: 'Écrire un RSCA',
    titleEn: 'Writing an RSCA',
    when: 'Milieu de semestre',
    themes: [
      'Choisir une situation authentique et complexe',
      'Le récit : ce qui s’est passé, ce que j’ai ressenti',
      'Les questions soulevées et la recherche documentaire',
      'Ce que j’en retiens pour ma pratique',
      'Relecture croisée dans le groupe',
    ],
  },
  {
    id: 'sujet-de-these',
    title: 'Trouver un sujet de thèse',
    titleEn: 'Finding a thesis topic',
    when: 'Deuxième année',
    themes: [
      'Partir d’une question rencontrée en stage',
      'Trouver un directeur ou une directrice de thèse',
      'Calendrier : fiche de thèse, comité, soutenance',
      'Méthodes qualitatives ou quantitatives : premiers repères',
    ],
  },
  {
    id: 'installation',
    title: 'Les étapes de l’installation',
    titleEn: 'Steps to setting up in practice',
    when: 'Fin de DES',
    themes: [
      'Remplacements : licence, contrats, URSSAF',
      'Choisir un lieu d’exercice, maison de santé, CPTS',
      'Aides à l’installation et zonage',
      'Équilibre entre vie professionnelle et vie personnelle',
    ],
  },
];

export const guideById = (id: string | null | undefined) => guides.find((g) => g.id === id) ?? null;
