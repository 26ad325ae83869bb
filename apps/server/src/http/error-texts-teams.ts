// The refusals of tutor teams (modules/teams), part of the catalogue of error-texts.ts.

export const teamErrorTexts = {
  fr: {
    team_elsewhere:
      '{{name}} fait déjà partie de l’équipe « {{team}} » : une personne n’est que dans une équipe à la fois. Retirez-la d’abord de cette équipe.',
    team_not_a_tutor: 'Seules les personnes qui accompagnent dans ce programme entrent dans ses équipes.',
    team_dissolved: 'Cette équipe est dissoute : elle ne change plus.',
    team_not_member: 'Cette personne ne fait pas partie de l’équipe.',
    team_groups_peer_support:
      'Les équipes se créent depuis les groupes dans un programme de soutien entre pairs seulement.',
    team_not_teammate: 'Vous n’invitez à une rencontre d’équipe que les membres de votre équipe.',
    team_report_before: 'Le compte rendu s’écrit une fois la rencontre commencée.',
    team_meeting_report: 'Le compte rendu d’une rencontre d’équipe s’écrit sur la page de l’équipe.',
    team_request_closed: 'Cette demande est déjà close.',
    team_move_tutee: 'Cette personne n’est pas accompagnée par ce membre de l’équipe.',
    team_move_decided: 'Cette proposition a déjà reçu une réponse.',
    team_move_open: 'Une proposition est déjà en cours pour cette personne accompagnée.',
  },
  en: {
    team_elsewhere:
      '{{name}} is already in the team “{{team}}”: a person is in one team at a time. Take them out of that team first.',
    team_not_a_tutor: 'Only the people who accompany others in this programme join its teams.',
    team_dissolved: 'This team is dissolved: it no longer changes.',
    team_not_member: 'This person is not in the team.',
    team_groups_peer_support: 'Teams are created from groups in a tutor peer-support programme only.',
    team_not_teammate: 'A team meeting invites the members of your team only.',
    team_report_before: 'The report is written once the meeting has started.',
    team_meeting_report: 'A team meeting’s report is written on the team’s page.',
    team_request_closed: 'This request is already closed.',
    team_move_tutee: 'This person is not accompanied by this member of the team.',
    team_move_decided: 'This proposal was already answered.',
    team_move_open: 'A proposal is already open for this tutee.',
  },
} as const;
